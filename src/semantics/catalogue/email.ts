import type { ClientCatalogue } from './types.js';

/** Email senders: a redelivered message sends the email again. */
export const email: ClientCatalogue = {
  client: 'nodemailer / @sendgrid/mail / SES',
  methods: [
    { packages: ['nodemailer'], owners: ['Mail'], methods: ['sendMail'], role: 'effect', system: 'email', what: 'sends an email' },
    { packages: ['@sendgrid/mail'], owners: ['MailService'], methods: ['send', 'sendMultiple'], role: 'effect', system: 'email', what: 'sends an email' },
  ],
  commands: [
    {
      packages: ['@aws-sdk/client-ses', '@aws-sdk/client-sesv2'],
      commands: ['SendEmailCommand', 'SendRawEmailCommand', 'SendTemplatedEmailCommand', 'SendBulkEmailCommand', 'SendBulkTemplatedEmailCommand'],
      role: 'effect',
      system: 'SES',
      what: 'sends an email',
    },
  ],
};
