/**
 * Data for recognising request/reply over a broker: the NestJS transports and client classes,
 * and the library APIs that hand-rolled correlation is built from. Matched through the checker
 * (declaring package and owner), never by the variable names in user code.
 */

export const nestMicroservicesPackage = '@nestjs/microservices';

export interface NestTransport {
  /** Human name of the system: "Kafka", "RabbitMQ". */
  readonly system: string;
  /** A broker (a reply travels through a queue or topic) rather than a direct connection. */
  readonly broker: boolean;
  /** A handler's pattern names a topic (Kafka), not the message. */
  readonly patternIsTopic?: boolean;
}

/** Members of `Transport` in @nestjs/microservices. A client without `transport` is TCP. */
export const nestTransports: Readonly<Record<string, NestTransport>> = {
  KAFKA: { system: 'Kafka', broker: true, patternIsTopic: true },
  RMQ: { system: 'RabbitMQ', broker: true },
  NATS: { system: 'NATS', broker: true },
  REDIS: { system: 'Redis', broker: true },
  MQTT: { system: 'MQTT', broker: true },
  TCP: { system: 'TCP', broker: false },
  GRPC: { system: 'gRPC', broker: false },
};

export const nestDefaultTransport = 'TCP';

/** Systems whose handler patterns are topic names. */
export const topicPatternSystems: ReadonlySet<string> = new Set(Object.values(nestTransports).flatMap((t) => (t.patternIsTopic === true ? [t.system] : [])));

/** Client classes (and interfaces) of @nestjs/microservices, by the `Transport` member they speak. */
export const nestClientClasses: Readonly<Record<string, string>> = {
  ClientKafka: 'KAFKA',
  ClientKafkaProxy: 'KAFKA',
  ClientRMQ: 'RMQ',
  ClientNats: 'NATS',
  ClientRedis: 'REDIS',
  ClientMqtt: 'MQTT',
  ClientTCP: 'TCP',
  ClientGrpcProxy: 'GRPC',
};

/** Where a NestJS client waits for a reply: `send` is declared once, on the abstract `ClientProxy`. */
export const nestRequestMethods: readonly { readonly owner: string; readonly method: string; readonly kind: 'send' | 'reply-subscription' }[] = [
  { owner: 'ClientProxy', method: 'send', kind: 'send' },
  { owner: 'ClientKafka', method: 'subscribeToResponseOf', kind: 'reply-subscription' },
];

/** Calls that register client options under an injection token. */
export const nestClientRegistrations: readonly { readonly owner: string; readonly methods: readonly string[] }[] = [
  { owner: 'ClientsModule', methods: ['register', 'registerAsync'] },
];

/** `ClientProxyFactory.create(options)`. */
export const nestClientFactories: readonly { readonly owner: string; readonly method: string }[] = [{ owner: 'ClientProxyFactory', method: 'create' }];

/** The `@Client(options)` property decorator and `@Inject(token)`. */
export const nestClientDecorator = 'Client';
export const nestInjectDecorator = { name: 'Inject', packages: ['@nestjs/common'] } as const;

/** Server bootstraps whose options say which transports `@MessagePattern` handlers listen on. */
export const nestServerBootstraps: readonly { readonly packages: readonly string[]; readonly owners: readonly string[]; readonly method: string; readonly optionsIndex: number }[] = [
  { packages: ['@nestjs/core'], owners: ['NestFactoryStatic'], method: 'createMicroservice', optionsIndex: 1 },
  { packages: ['@nestjs/common'], owners: ['INestApplication'], method: 'connectMicroservice', optionsIndex: 0 },
];

/** The decorator of a handler that answers. (`@EventPattern` handlers return nothing to anyone.) */
export const nestReplyingDecorator = 'MessagePattern';

/** RxJS: Observable → Promise conversions, and the operators that pick one message out of a stream. */
export const rxjsPackages: readonly string[] = ['rxjs'];
export const rxjsPromiseFunctions: readonly string[] = ['firstValueFrom', 'lastValueFrom'];
export const rxjsPromiseMethods: readonly string[] = ['toPromise'];
export const rxjsMatchingOperators: readonly string[] = ['filter', 'first', 'find', 'single'];

/** `events.once(emitter, name)` from Node's `events` module. */
export const nodeEventsModules: readonly string[] = ['events', 'node:events'];
export const nodeEventsWaitFunctions: readonly string[] = ['once'];
/** Listener registrations that a correlation id can key: `replies.once(correlationId, resolve)`. */
export const emitterListenerMethods: readonly string[] = ['once', 'on', 'addListener', 'prependListener', 'prependOnceListener'];

/** amqplib: consuming a reply queue, and the publish options that ask for a reply. */
export const amqplibReplyConsumers: { readonly packages: readonly string[]; readonly owners: readonly string[]; readonly methods: readonly string[] } = {
  packages: ['amqplib', '@types/amqplib'],
  owners: ['Channel'],
  methods: ['consume'],
};
export const replyToOption = 'replyTo';
export const correlationIdOption = 'correlationId';
