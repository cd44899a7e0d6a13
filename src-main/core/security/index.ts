export { CONTENT_SECURITY_POLICY, RENDERER_SECURITY_HEADERS } from './content-security-policy';
export { readRendererFile, type RendererFile } from './renderer-files';
