/**
 * CP's refusal codes for a served document, as the message keys the user reads. Most say what to do:
 * serve a Crown Court case through DCS, save the file as PDF, split it, ask to be associated.
 */
export function serveRefusalKey(errorCode: string): string {
  switch (errorCode) {
    case 'SERVICE_VIA_DCS':
      return 'errors.serveCrownCourt';
    case 'NOT_A_PDF':
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 'errors.serveNotPdf';
    case 'PAYLOAD_TOO_LARGE':
      return 'errors.serveTooLarge';
    case 'DEFENDANT_NOT_FOUND':
      return 'errors.serveDefendantNotFound';
    case 'NOT_ASSOCIATED_ORGANISATION':
      return 'errors.serveNotAssociated';
    default:
      return 'errors.cpRefused';
  }
}

/**
 * Codes that mean the bytes did not arrive whole (a connection cut mid-body that CP still answered):
 * nothing was stored under the key, so the same job is simply sent again.
 */
export function isIncompleteUpload(errorCode: string): boolean {
  return errorCode === 'UPLOAD_INCOMPLETE' || errorCode === 'DIGEST_MISMATCH';
}
