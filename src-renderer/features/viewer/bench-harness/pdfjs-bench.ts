import * as pdfjsLib from 'pdfjs-dist';
import stockWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import 'pdfjs-dist/web/pdf_viewer.css';
import './bench.css';
import { documentParams } from '../pdf-loader';

/**
 * The baseline: pdf.js's own PDFViewer (pdfjs-dist/web/pdf_viewer.mjs) opening the same document from
 * the same server with the same getDocument parameters as the app (documentParams), at page width —
 * with the app's worker (so the two viewers differ only above pdf.js's core), or with the worker
 * exactly as pdfjs-dist ships it (`stock`).
 */
const patchedWorkerUrl = pdfjsLib.GlobalWorkerOptions.workerSrc;
(globalThis as { pdfjsLib?: unknown }).pdfjsLib = pdfjsLib;
const viewerModule = await import('pdfjs-dist/web/pdf_viewer.mjs');

async function open(materialId: string, stock = false): Promise<number> {
  pdfjsLib.GlobalWorkerOptions.workerSrc = stock ? stockWorkerUrl : patchedWorkerUrl;
  const { EventBus, PDFLinkService, PDFViewer } = viewerModule;
  const container = document.getElementById('viewerContainer');
  const viewer = document.getElementById('viewer');
  if (!(container instanceof HTMLDivElement) || !(viewer instanceof HTMLDivElement)) throw new Error('no viewer container');
  const started = performance.now();
  const eventBus = new EventBus();
  const linkService = new PDFLinkService({ eventBus });
  const pdfViewer = new PDFViewer({ container, viewer, eventBus, linkService });
  linkService.setViewer(pdfViewer);
  const painted = new Promise<number>((resolve) => {
    eventBus.on('pagerendered', (event: { pageNumber: number }) => {
      if (event.pageNumber === 1) requestAnimationFrame(() => resolve(performance.now()));
    });
  });
  eventBus.on('pagesinit', () => {
    pdfViewer.currentScaleValue = 'page-width';
  });
  const doc = await pdfjsLib.getDocument(documentParams(materialId)).promise;
  pdfViewer.setDocument(doc);
  linkService.setDocument(doc);
  return (await painted) - started;
}

declare global {
  interface Window {
    pdfjsBench?: { open: typeof open };
  }
}

window.pdfjsBench = { open };
