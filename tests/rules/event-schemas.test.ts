import json from '@eslint/json';
import { RuleTester, type Rule } from 'eslint';
import { describe, it } from 'vitest';
import eventNamePastTense from '../../rules/event-name-past-tense.js';
import requireEventEnvelope from '../../rules/require-event-envelope.js';

// Event schemas are linted with ESLint's JSON language (`@eslint/json`), no type information.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;


const ruleTester = new RuleTester({ plugins: { json }, language: 'json/json' });

const fullEnvelope = '"required": ["id", "type", "version", "source", "occurredAt", "causationId", "correlationId", "data"]';

ruleTester.run('event-name-past-tense (JSON Schema)', eventNamePastTense as unknown as Rule.RuleModule, {
  valid: [
    { filename: 'order-placed.schema.json', code: `{ "$id": "https://acme.com/schemas/orders/order-placed.v1.schema.json", "title": "OrderPlaced", "properties": { "type": { "const": "OrderPlaced" } } }` },
    { filename: 'order-events.schema.json', code: `{ "title": "Order events", "properties": { "type": { "enum": ["order.placed", "order.shipped"] } } }` },
  ],
  invalid: [
    {
      filename: 'place-order.schema.json',
      code: `{ "$id": "https://acme.com/schemas/place-order.json", "title": "PlaceOrder", "properties": { "type": { "const": "OrderPlacing" } } }`,
      errors: [
        { messageId: 'notPastTense', line: 1, column: 10, suggestions: [] },
        { messageId: 'notPastTense', line: 1, column: 64, suggestions: [{ messageId: 'renameEvent', output: `{ "$id": "https://acme.com/schemas/place-order.json", "title": "OrderPlaced", "properties": { "type": { "const": "OrderPlacing" } } }` }] },
        { messageId: 'notPastTense', line: 1, column: 113, suggestions: [{ messageId: 'renameEvent', output: `{ "$id": "https://acme.com/schemas/place-order.json", "title": "PlaceOrder", "properties": { "type": { "const": "OrderPlaced" } } }` }] },
      ],
    },
    {
      filename: 'events.schema.json',
      code: `{ "properties": { "type": { "enum": ["order.placed", "order.ship"] } } }`,
      errors: [
        { messageId: 'notPastTense', line: 1, column: 54, suggestions: [{ messageId: 'renameEvent', output: `{ "properties": { "type": { "enum": ["order.placed", "order.shipped"] } } }` }] },
      ],
    },
  ],
});

ruleTester.run('require-event-envelope (JSON Schema)', requireEventEnvelope as unknown as Rule.RuleModule, {
  valid: [{ filename: 'order-placed.schema.json', code: `{ "title": "OrderPlaced", ${fullEnvelope} }` }],
  invalid: [
    {
      filename: 'order-placed.schema.json',
      code: `{ "title": "OrderPlaced", "required": ["eventId", "type", "data"], "properties": { "eventId": {}, "type": {}, "data": {} } }`,
      errors: [
        { messageId: 'lookAlikeField', line: 1, column: 27 },
        { messageId: 'missingEnvelopeFields', line: 1, column: 27 },
      ],
    },
    {
      filename: 'cloud.schema.json',
      code: `{ "title": "com.acme.order.placed", "required": ["id", "type", "source", "data"] }`,
      options: [{ preset: 'cloudevents' }],
      errors: [{ messageId: 'missingEnvelopeFields', line: 1, column: 37 }],
    },
  ],
});
