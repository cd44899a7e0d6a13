export { createDispatcher, type ContractHandlers, type Dispatch } from './dispatcher';
