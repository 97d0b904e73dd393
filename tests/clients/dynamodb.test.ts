// DynamoDB through AWS SDK v3: update expressions that add count twice on a redelivery; the outbox table by TableName.
import idempotentConsumer from '../../rules/idempotent-consumer.js';
import noDualWrite from '../../rules/no-dual-write.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();
const setup = `
import type { SQSHandler } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const events = new EventBridgeClient({});
`;

ruleTester.run('idempotent-consumer (DynamoDB update expressions)', idempotentConsumer, {
  valid: [
    {
      name: 'SET of a value from the message: a repeat writes the same',
      code: `${setup}
export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) {
    const { articleId, title } = JSON.parse(record.body) as { articleId: string; title: string };
    await documents.send(new UpdateCommand({ TableName: 'articles', Key: { articleId }, UpdateExpression: 'SET #title = :title', ExpressionAttributeNames: { '#title': 'title' }, ExpressionAttributeValues: { ':title': title } }));
  }
};
`,
    },
  ],
  invalid: [
    {
      name: 'ADD to a counter per delivery',
      code: `${setup}
export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) {
    const { articleId } = JSON.parse(record.body) as { articleId: string };
    await documents.send(new UpdateCommand({ TableName: 'articles', Key: { articleId }, UpdateExpression: 'ADD #views :one', ExpressionAttributeNames: { '#views': 'views' }, ExpressionAttributeValues: { ':one': 1 } }));
  }
};
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 12 }],
    },
    {
      name: 'SET a name to itself plus the amount',
      code: `${setup}
export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) {
    const { walletId, cents } = JSON.parse(record.body) as { walletId: string; cents: number };
    await documents.send(new UpdateCommand({ TableName: 'wallets', Key: { walletId }, UpdateExpression: 'SET balance = balance + :cents', ExpressionAttributeValues: { ':cents': cents } }));
  }
};
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 12 }],
    },
  ],
});

ruleTester.run('no-dual-write (DynamoDB outbox by TableName)', noDualWrite, {
  valid: [
    {
      name: 'the article and its outbox item in one TransactWriteCommand; a stream relays the outbox',
      code: `${setup}
export async function publishArticle(articleId: string) {
  await documents.send(new TransactWriteCommand({ TransactItems: [
    { Update: { TableName: 'articles', Key: { articleId }, UpdateExpression: 'SET #s = :s', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': 'published' } } },
    { Put: { TableName: 'outbox', Item: { id: articleId, type: 'ArticlePublished' } } },
  ] }));
}
`,
    },
  ],
  invalid: [
    {
      name: 'an article updated, then the event put on EventBridge',
      code: `${setup}
export async function publishArticle(articleId: string) {
  await documents.send(new UpdateCommand({ TableName: 'articles', Key: { articleId }, UpdateExpression: 'SET #s = :s', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': 'published' } }));
  await events.send(new PutEventsCommand({ Entries: [{ Source: 'articles', DetailType: 'ArticlePublished', Detail: JSON.stringify({ articleId }) }] }));
}
`,
      errors: [{ messageId: 'dualWrite', line: 11 }],
    },
  ],
});
