import type { ClientCatalogue, RepeatFacets } from './types.js';

/** An `UpdateExpression` that adds (`ADD #count :one`, `SET #n = #n + :one`) counts twice on a repeat. */
const dynamoRepeat: RepeatFacets = { accumulatingExpression: 'UpdateExpression' };

/**
 * AWS SDK v3. Every service client inherits one generic `send(command)` from the shared Smithy
 * client, so the command class decides the role. The aggregated clients (`new SNS()`) also
 * have one method per operation.
 */
const receiptHandle = 'a receipt handle is new on every receive of the same message';
/** A re-published record gets a new sequence number, and numbers are only ordered within one shard. */
const shardSequence = 'a sequence number orders records within one shard, and a record published again gets a new one';

export const awsSdk: ClientCatalogue = {
  client: '@aws-sdk/*',
  commands: [
    // A publish straight to a phone number is an SMS, not a message to subscribers.
    {
      packages: ['@aws-sdk/client-sns'],
      commands: ['PublishCommand'],
      role: 'publish',
      system: 'SNS',
      effectWhenInputHas: { property: 'PhoneNumber', what: 'sends an SMS' },
      payload: { argument: 0, path: ['Message'] },
    },
    { packages: ['@aws-sdk/client-sns'], commands: ['PublishBatchCommand'], role: 'publish', system: 'SNS', payload: { argument: 0, path: ['PublishBatchRequestEntries', '*', 'Message'] } },
    // On a FIFO queue the group id orders messages: one constant group is one queue-wide line.
    { packages: ['@aws-sdk/client-sqs'], commands: ['SendMessageCommand'], role: 'publish', system: 'SQS', payload: { argument: 0, path: ['MessageBody'] }, partitionKey: { argument: 0, property: 'MessageGroupId' } },
    {
      packages: ['@aws-sdk/client-sqs'],
      commands: ['SendMessageBatchCommand'],
      role: 'publish',
      system: 'SQS',
      payload: { argument: 0, path: ['Entries', '*', 'MessageBody'] },
      partitionKey: { argument: 0, path: ['Entries', '*'], property: 'MessageGroupId' },
    },
    // Deleting a received message is SQS's acknowledgement: it is never delivered again.
    { packages: ['@aws-sdk/client-sqs'], commands: ['DeleteMessageCommand', 'DeleteMessageBatchCommand'], role: 'ack', system: 'SQS' },
    { packages: ['@aws-sdk/client-eventbridge'], commands: ['PutEventsCommand'], role: 'publish', system: 'EventBridge', payload: { argument: 0, path: ['Entries', '*', 'Detail'] } },
    { packages: ['@aws-sdk/client-kinesis'], commands: ['PutRecordCommand'], role: 'publish', system: 'Kinesis', payload: { argument: 0, path: ['Data'] }, partitionKey: { argument: 0, property: 'PartitionKey' } },
    {
      packages: ['@aws-sdk/client-kinesis'],
      commands: ['PutRecordsCommand'],
      role: 'publish',
      system: 'Kinesis',
      payload: { argument: 0, path: ['Records', '*', 'Data'] },
      partitionKey: { argument: 0, path: ['Records', '*'], property: 'PartitionKey' },
    },
    { packages: ['@aws-sdk/client-sqs'], commands: ['ReceiveMessageCommand'], role: 'receive', system: 'SQS' },
    { packages: ['@aws-sdk/client-dynamodb'], commands: ['GetItemCommand', 'QueryCommand'], role: 'read', system: 'DynamoDB' },
    { packages: ['@aws-sdk/lib-dynamodb'], commands: ['GetCommand', 'QueryCommand'], role: 'read', system: 'DynamoDB' },
    {
      packages: ['@aws-sdk/client-dynamodb'],
      commands: ['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand'],
      role: 'write',
      system: 'DynamoDB',
      tableProperty: 'TableName',
      repeat: dynamoRepeat,
    },
    {
      packages: ['@aws-sdk/lib-dynamodb'],
      commands: ['PutCommand', 'UpdateCommand', 'DeleteCommand', 'BatchWriteCommand', 'TransactWriteCommand'],
      role: 'write',
      system: 'DynamoDB',
      tableProperty: 'TableName',
      repeat: dynamoRepeat,
    },
  ],
  methods: [
    { packages: ['@aws-sdk/client-sns'], owners: ['SNS'], methods: ['publish'], role: 'publish', system: 'SNS', payload: { argument: 0, path: ['Message'] } },
    { packages: ['@aws-sdk/client-sns'], owners: ['SNS'], methods: ['publishBatch'], role: 'publish', system: 'SNS' },
    { packages: ['@aws-sdk/client-sqs'], owners: ['SQS'], methods: ['sendMessage'], role: 'publish', system: 'SQS', payload: { argument: 0, path: ['MessageBody'] } },
    { packages: ['@aws-sdk/client-sqs'], owners: ['SQS'], methods: ['sendMessageBatch'], role: 'publish', system: 'SQS' },
    { packages: ['@aws-sdk/client-sqs'], owners: ['SQS'], methods: ['deleteMessage', 'deleteMessageBatch'], role: 'ack', system: 'SQS' },
    { packages: ['@aws-sdk/client-eventbridge'], owners: ['EventBridge'], methods: ['putEvents'], role: 'publish', system: 'EventBridge', payload: { argument: 0, path: ['Entries', '*', 'Detail'] } },
    { packages: ['@aws-sdk/client-kinesis'], owners: ['Kinesis'], methods: ['putRecord', 'putRecords'], role: 'publish', system: 'Kinesis' },
    {
      packages: ['@aws-sdk/client-dynamodb'],
      owners: ['DynamoDB'],
      methods: ['putItem', 'updateItem', 'deleteItem', 'batchWriteItem', 'transactWriteItems'],
      role: 'write',
      system: 'DynamoDB',
      repeat: dynamoRepeat,
    },
    {
      packages: ['@aws-sdk/lib-dynamodb'],
      owners: ['DynamoDBDocument'],
      methods: ['put', 'update', 'delete', 'batchWrite', 'transactWrite'],
      role: 'write',
      system: 'DynamoDB',
      repeat: dynamoRepeat,
    },
  ],
  consumers: {
    // Lambda handlers: recognised by their event type from @types/aws-lambda.
    eventTypes: [
      {
        packages: ['aws-lambda'],
        types: ['SQSEvent', 'SNSEvent', 'EventBridgeEvent', 'KinesisStreamEvent', 'DynamoDBStreamEvent', 'MSKEvent', 'SelfManagedKafkaEvent', 'SQSRecord', 'SNSEventRecord'],
        system: 'AWS Lambda',
        description: 'Lambda handler',
      },
    ],
    // A receipt handle is new on every receive of the same message.
    positionFields: [
      { packages: ['aws-lambda'], owners: ['SQSRecord'], fields: ['receiptHandle'], system: 'SQS', reason: receiptHandle },
      { packages: ['@aws-sdk/client-sqs'], owners: ['Message'], fields: ['ReceiptHandle'], system: 'SQS', reason: receiptHandle },
      { packages: ['aws-lambda'], owners: ['KinesisStreamRecordPayload'], fields: ['sequenceNumber'], system: 'Kinesis', reason: shardSequence },
      { packages: ['@aws-sdk/client-kinesis'], owners: ['_Record'], fields: ['SequenceNumber'], system: 'Kinesis', reason: shardSequence },
      { packages: ['aws-lambda'], owners: ['StreamRecord'], fields: ['SequenceNumber'], system: 'DynamoDB Streams', reason: shardSequence },
    ],
    messageTypes: [
      { packages: ['@aws-sdk/client-sqs'], types: ['Message'], system: 'SQS', description: 'SQS message handler' },
      { packages: ['aws-lambda'], types: ['SQSRecord', 'SNSEventRecord', 'SNSMessage', 'KinesisStreamRecord', 'DynamoDBRecord'], system: 'AWS Lambda', description: 'Lambda record handler' },
    ],
  },
};

/** Packages whose `send` is the generic Smithy client method that takes a command. */
export const commandSenderPackages: readonly string[] = ['@smithy/core', '@smithy/smithy-client', '@aws-sdk/smithy-client'];

/** A package whose `send(command)` may take a catalogued command: Smithy's, or any AWS SDK v3 client's own. */
export function isCommandSenderPackage(pkg: string): boolean {
  return commandSenderPackages.includes(pkg) || pkg.startsWith('@aws-sdk/');
}
