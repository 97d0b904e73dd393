// WRONG: the invoice service publishes without waiting, and keys its messages so that order is
// lost (no key on invoice events) or throughput is capped (one constant key for every reminder).
import { producer, envelope } from '../shared/messaging.js';

interface InvoiceIssued {
  invoiceId: string;
  customerId: string;
  totalCents: number;
}

export async function issueInvoice(invoice: InvoiceIssued, correlationId: string): Promise<{ ok: true }> {
  const event = envelope('InvoiceIssued', invoice, correlationId);
  // Nobody waits: if Kafka rejects the send, the request still answers 200 and the event is gone.
  producer.send({ topic: 'billing.invoices', messages: [{ value: JSON.stringify(event) }] });
  return { ok: true };
}

export async function remindOverdue(invoiceIds: string[], correlationId: string): Promise<void> {
  await producer.send({
    topic: 'billing.reminders',
    messages: invoiceIds.map((invoiceId) => ({ key: 'reminders', value: JSON.stringify(envelope('InvoiceReminderSent', { invoiceId }, correlationId)) })),
  });
}
// expect: event-driven/no-floating-publish, event-driven/require-partition-key
