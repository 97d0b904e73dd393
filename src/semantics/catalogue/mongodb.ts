import type { ClientCatalogue } from './types.js';

/** Update operators that add to a document instead of setting it: a repeat adds again (`$addToSet` does not). */
export const mongoAccumulatingOperators: Readonly<Record<string, string>> = { $inc: 'adds to a field', $push: 'appends to an array' };

const collectionWrites = [
  'insertOne', 'insertMany', 'updateOne', 'updateMany', 'replaceOne', 'deleteOne', 'deleteMany',
  'findOneAndUpdate', 'findOneAndReplace', 'findOneAndDelete', 'bulkWrite',
];

/**
 * The MongoDB driver (`mongodb`), used directly or under Mongoose. A write joins a transaction
 * only when it is given `{ session }`; a session without a transaction (`withSession`) is not one.
 */
export const mongodb: ClientCatalogue = {
  client: 'mongodb',
  methods: [
    {
      packages: ['mongodb'],
      owners: ['Collection'],
      methods: collectionWrites,
      role: 'write',
      system: 'MongoDB',
      repeat: { inserts: ['insertOne', 'insertMany'], accumulatingOperators: mongoAccumulatingOperators },
    },
    { packages: ['mongodb'], owners: ['Collection'], methods: ['findOne', 'find', 'countDocuments'], role: 'read', system: 'MongoDB' },
    { packages: ['mongodb'], owners: ['ClientSession'], methods: ['withTransaction'], role: 'tx-scope', system: 'MongoDB', callbackIndex: 0 },
    { packages: ['mongodb'], owners: ['ClientSession'], methods: ['startTransaction'], role: 'tx-begin', system: 'MongoDB' },
    { packages: ['mongodb'], owners: ['ClientSession'], methods: ['commitTransaction'], role: 'tx-commit', system: 'MongoDB' },
    { packages: ['mongodb'], owners: ['ClientSession'], methods: ['abortTransaction'], role: 'tx-rollback', system: 'MongoDB' },
  ],
};
