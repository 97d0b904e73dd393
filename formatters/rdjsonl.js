// A stable path for ESLint's `-f`, which takes any name with a slash as a file path:
//   eslint -f ./node_modules/eslint-plugin-event-driven/formatters/rdjsonl.js .
export { default } from '../dist/src/formatters/rdjsonl.js';
