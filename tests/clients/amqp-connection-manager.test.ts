// amqp-connection-manager: ChannelWrapper publishes and consumers, and amqplib consumers inside addSetup.
import idempotentConsumer from '../../rules/idempotent-consumer.js';
import noDualWrite from '../../rules/no-dual-write.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();
const setup = `
import amqp from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { Pool } from 'pg';
const pool = new Pool();
const connection = amqp.connect(['amqp://rabbit']);
const channel = connection.createChannel({ json: true });
`;

ruleTester.run('no-dual-write (amqp-connection-manager)', noDualWrite, {
  valid: [
    {
      name: 'the label request goes to the outbox table; a relay publishes it',
      code: `${setup}
export async function requestLabel(shipmentId: string) {
  await pool.query("INSERT INTO outbox (topic, body) VALUES ('shipping', $1)", [shipmentId]);
}
`,
    },
  ],
  invalid: [
    {
      name: 'a shipment row inserted, then published through the wrapper',
      code: `${setup}
export async function createShipment(id: string) {
  await pool.query('INSERT INTO shipments (id) VALUES ($1)', [id]);
  await channel.publish('shipping', 'shipment.created', { type: 'ShipmentCreated', id });
}
`,
      errors: [{ messageId: 'dualWrite', line: 11, data: { publish: '`channel.publish`', broker: 'RabbitMQ', write: '`pool.query`', database: 'PostgreSQL' } }],
    },
    {
      name: 'sendToQueue before the write it announces',
      code: `${setup}
export async function cancelShipment(id: string) {
  await channel.sendToQueue('shipping', { type: 'ShipmentCancelled', id });
  await pool.query('UPDATE shipments SET status = $1 WHERE id = $2', ['cancelled', id]);
}
`,
      errors: [{ messageId: 'publishBeforeWrite', line: 10 }],
    },
  ],
});

ruleTester.run('idempotent-consumer (amqp-connection-manager)', idempotentConsumer, {
  valid: [
    {
      name: 'the wrapper consumer sets a status: a repeat sets it again',
      code: `${setup}
export async function start() {
  await channel.consume('labels', async (message: ConsumeMessage) => {
    const { id } = JSON.parse(message.content.toString()) as { id: string };
    await pool.query('UPDATE shipments SET status = $1 WHERE id = $2', ['labelled', id]);
  });
}
`,
    },
  ],
  invalid: [
    {
      name: 'the wrapper consumer inserts a row per delivery',
      code: `${setup}
export async function start() {
  await channel.consume('labels', async (message: ConsumeMessage) => {
    const { id } = JSON.parse(message.content.toString()) as { id: string };
    await pool.query('INSERT INTO label_requests (shipment_id) VALUES ($1)', [id]);
  });
}
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 12 }],
    },
    {
      name: 'an amqplib consumer registered inside addSetup',
      code: `${setup}
export async function start() {
  await channel.addSetup(async (inner: ConfirmChannel) => {
    await inner.consume('labels', async (message) => {
      if (message === null) return;
      await pool.query('INSERT INTO label_requests (shipment_id) VALUES ($1)', [message.content.toString()]);
    });
  });
}
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 13 }],
    },
  ],
});
