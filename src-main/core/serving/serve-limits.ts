/**
 * The largest document Bluebag will stage for service: CP's limit (the sandbox's default, 100 MB).
 * One constant for the staging check and the `/stage` routes' body limit, so they cannot disagree.
 */
export const MAX_SERVE_BYTES = 100 * 1024 * 1024;

/** Where both shells take a file's bytes to stage it: `POST /stage?caseId=<id>&name=<file name>`. */
export const STAGE_PATH = '/stage';
