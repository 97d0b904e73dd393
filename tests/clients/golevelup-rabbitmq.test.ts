// @golevelup/nestjs-rabbitmq: AmqpConnection publish and request, @RabbitSubscribe consumers, @RabbitRPC responders.
import idempotentConsumer from '../../rules/idempotent-consumer.js';
import noDualWrite from '../../rules/no-dual-write.js';
import noRequestReply from '../../rules/no-request-reply-over-events.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();
const setup = `
import { AmqpConnection, RabbitRPC, RabbitSubscribe } from '@golevelup/nestjs-rabbitmq';
import { Pool } from 'pg';
const pool = new Pool();
`;

ruleTester.run('no-dual-write (golevelup nestjs-rabbitmq)', noDualWrite, {
  valid: [
    {
      name: 'a publish with no write on the path',
      code: `${setup}
export class Quotes {
  constructor(private readonly amqp: AmqpConnection) {}
  async announce(id: string) {
    await this.amqp.publish('quotes', 'quote.issued', { type: 'QuoteIssued', id });
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'a quote row inserted, then published through the injected AmqpConnection',
      code: `${setup}
export class Quotes {
  constructor(private readonly amqp: AmqpConnection) {}
  async issue(id: string) {
    await pool.query('INSERT INTO quotes (id) VALUES ($1)', [id]);
    await this.amqp.publish('quotes', 'quote.issued', { type: 'QuoteIssued', id });
  }
}
`,
      errors: [{ messageId: 'dualWrite', line: 10, data: { publish: '`amqp.publish`', broker: 'RabbitMQ', write: '`pool.query`', database: 'PostgreSQL' } }],
    },
  ],
});

ruleTester.run('idempotent-consumer (golevelup nestjs-rabbitmq)', idempotentConsumer, {
  valid: [
    {
      name: 'a subscriber that sets a status',
      code: `${setup}
export class QuoteListener {
  @RabbitSubscribe({ exchange: 'quotes', routingKey: 'quote.accepted', queue: 'billing' })
  async onAccepted(message: { id: string }) {
    await pool.query('UPDATE quotes SET status = $1 WHERE id = $2', ['accepted', message.id]);
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'a subscriber that inserts a row per delivery',
      code: `${setup}
export class QuoteListener {
  @RabbitSubscribe({ exchange: 'quotes', routingKey: 'quote.accepted', queue: 'billing' })
  async onAccepted(message: { id: string }) {
    await pool.query('INSERT INTO invoices (quote_id) VALUES ($1)', [message.id]);
  }
}
`,
      errors: [{ messageId: 'nonIdempotentEffect', line: 9 }],
    },
  ],
});

ruleTester.run('no-request-reply-over-events (golevelup nestjs-rabbitmq)', noRequestReply, {
  valid: [
    {
      name: 'a subscriber returns nothing to anyone',
      code: `${setup}
export class QuoteListener {
  @RabbitSubscribe({ exchange: 'quotes', routingKey: 'quote.accepted', queue: 'billing' })
  async onAccepted(message: { id: string }): Promise<void> {
    await pool.query('UPDATE quotes SET status = $1 WHERE id = $2', ['accepted', message.id]);
  }
}
`,
    },
    {
      name: 'a request method on another type is not a broker request',
      code: `${setup}
const http = { request: async (url: string) => ({ url }) };
export async function price() {
  return http.request('https://pricing.internal/quote');
}
`,
    },
  ],
  invalid: [
    {
      name: 'AmqpConnection.request waits for a reply over RabbitMQ',
      code: `${setup}
export class Checkout {
  constructor(private readonly amqp: AmqpConnection) {}
  async price(sku: string) {
    return this.amqp.request<{ price: number }>({ exchange: 'pricing', routingKey: 'price.get', payload: { sku } });
  }
}
`,
      errors: [{ messageId: 'rpcRequest', line: 9, data: { call: '`amqp.request`', transport: 'RabbitMQ' } }],
    },
    {
      name: 'a @RabbitRPC handler answers with a reply',
      code: `${setup}
export class Pricing {
  @RabbitRPC({ exchange: 'pricing', routingKey: 'price.get', queue: 'pricing-rpc' })
  async price(request: { sku: string }) {
    const result = await pool.query('SELECT price FROM prices WHERE sku = $1', [request.sku]);
    return { price: Number(result.rows[0]) };
  }
}
`,
      errors: [{ messageId: 'rpcResponder', line: 7, data: { handler: '`Pricing.price`', pattern: 'price.get', transport: 'RabbitMQ', instead: '`@RabbitSubscribe`' } }],
    },
  ],
});
