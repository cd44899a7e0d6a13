export { EventBus, type AnyEventListener } from './event-bus';
