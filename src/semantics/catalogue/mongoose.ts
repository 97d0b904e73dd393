import { mongoAccumulatingOperators } from './mongodb.js';
import type { ClientCatalogue } from './types.js';

const modelWrites = [
  'create', 'insertMany', 'updateOne', 'updateMany', 'replaceOne', 'findOneAndUpdate', 'findByIdAndUpdate',
  'findOneAndReplace', 'deleteOne', 'deleteMany', 'findOneAndDelete', 'findByIdAndDelete', 'bulkWrite', 'bulkSave',
];

/** Mongoose models and documents; sessions come from the `mongodb` driver (its own catalogue). */
export const mongoose: ClientCatalogue = {
  client: 'mongoose',
  methods: [
    { packages: ['mongoose'], owners: ['Model'], methods: modelWrites, role: 'write', system: 'MongoDB', repeat: { inserts: ['create', 'insertMany'], accumulatingOperators: mongoAccumulatingOperators } },
    { packages: ['mongoose'], owners: ['Model'], methods: ['findOne', 'findById', 'exists', 'countDocuments', 'find'], role: 'read', system: 'MongoDB' },
    { packages: ['mongoose'], owners: ['Document'], methods: ['save', 'deleteOne', 'updateOne'], role: 'write', system: 'MongoDB', repeat: { accumulatingOperators: mongoAccumulatingOperators } },
    { packages: ['mongoose'], owners: ['Connection'], methods: ['transaction'], role: 'tx-scope', system: 'MongoDB', callbackIndex: 0 },
  ],
};
