// Draws a PDF's pages as pictures, offline, with PDF.js bundled by Vite: the library and its
// worker are files of the app itself (the CSP's 'self'), loaded only when a PDF is opened.
// The PDF is never run: no scripts (PDF.js's scripting is not loaded), no eval, no forms.

/** The pages of a PDF as PNG data URLs, at most `maxPages` of them, each `width` pixels wide. */
export async function renderPdfPages(
  base64: string,
  { maxPages = 12, width = 1000 }: { maxPages?: number; width?: number } = {},
): Promise<{ pages: string[]; total: number }> {
  const [pdfjs, worker] = await Promise.all([import("pdfjs-dist"), import("pdfjs-dist/build/pdf.worker.min.mjs?url")]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  // No WebAssembly decoders (the CSP allows no wasm) and no XFA forms: the JavaScript paths.
  const task = pdfjs.getDocument({ data, enableXfa: false, useWasm: false, stopAtErrors: false });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    const count = Math.min(doc.numPages, maxPages);
    for (let n = 1; n <= count; n++) {
      const page = await doc.getPage(n);
      const natural = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: width / natural.width });
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(viewport.width);
      canvas.height = Math.round(viewport.height);
      const context = canvas.getContext("2d");
      if (!context) throw new Error("This window cannot draw a PDF page");
      await page.render({ canvasContext: context, canvas, viewport, background: "#ffffff" }).promise;
      pages.push(canvas.toDataURL("image/png"));
      page.cleanup();
    }
    return { pages, total: doc.numPages };
  } finally {
    await task.destroy();
  }
}
