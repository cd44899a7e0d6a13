export { ConnectivityMonitor, type ConnectivityTarget, type ConnectivityMonitorOptions } from './connectivity-monitor';
