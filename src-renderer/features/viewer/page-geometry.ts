/** A page's size in PDF points as the file describes it (before any rotation), and its own /Rotate. */
export interface PageSize {
  width: number;
  height: number;
  /** The page's intrinsic /Rotate, 0, 90, 180 or 270. */
  rotate: Rotation;
}

export type Rotation = 0 | 90 | 180 | 270;

/** pdf.js's "100%": a PDF point is 1/72 in, a CSS pixel 1/96 in, so real size on screen is 4/3 px a point. */
export const PDF_TO_CSS_UNITS = 96 / 72;

export function normaliseRotation(degrees: number): Rotation {
  const value = ((Math.round(degrees / 90) * 90) % 360 + 360) % 360;
  return value as Rotation;
}

/** The rotation pdf.js draws the page at: its own /Rotate plus the reader's. */
export function totalRotation(size: PageSize, userRotation: Rotation): Rotation {
  return normaliseRotation(size.rotate + userRotation);
}

/** The box a page occupies on screen, in CSS pixels, at a zoom scale (1 = real size) and the reader's rotation. */
export function displaySize(size: PageSize, scale: number, userRotation: Rotation): { width: number; height: number } {
  const sideways = totalRotation(size, userRotation) % 180 !== 0;
  const width = (sideways ? size.height : size.width) * scale * PDF_TO_CSS_UNITS;
  const height = (sideways ? size.width : size.height) * scale * PDF_TO_CSS_UNITS;
  return { width, height };
}

/** A4 portrait: what a page is assumed to be until the file says otherwise. */
export const A4: PageSize = { width: 595.28, height: 841.89, rotate: 0 };
