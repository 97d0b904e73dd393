// RIGHT: every publish is awaited, and each message is keyed by its invoice, so one invoice's
// events stay in order on one partition while different invoices spread over all of them.
import { producer, envelope } from '../shared/messaging.js';

interface InvoiceIssued {
  invoiceId: string;
  customerId: string;
  totalCents: number;
}

export async function issueInvoice(invoice: InvoiceIssued, correlationId: string): Promise<{ ok: true }> {
  const event = envelope('InvoiceIssued', invoice, correlationId);
  await producer.send({ topic: 'billing.invoices', messages: [{ key: invoice.invoiceId, value: JSON.stringify(event) }] });
  return { ok: true };
}

export async function remindOverdue(invoiceIds: string[], correlationId: string): Promise<void> {
  await producer.send({
    topic: 'billing.reminders',
    messages: invoiceIds.map((invoiceId) => ({ key: invoiceId, value: JSON.stringify(envelope('InvoiceReminderSent', { invoiceId }, correlationId)) })),
  });
}
