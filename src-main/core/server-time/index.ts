/** Common Platform's clock as last seen, and what it means for deemed service if a document is sent now. */
export { parseHttpDate } from './http-date';
export { ServerClockEstimate, ServerClockSnapshotSchema, type ServerClockSnapshot, type ServerTimeEstimate } from './server-clock-estimate';
export { observingFetch, observingStreamGet } from './observing-fetch';
export { serviceForecast, type ServiceForecast } from './service-forecast';
