/** New versions of a bundle: what changed, and where the notes went. */
export { VersionTracker, type VersionTrackerOptions } from './version-tracker';
export { listVersionChanges, dismissVersionChange } from './version-changes';
