/**
 * Charts out of the page: an SVG as standalone text (with the XML
 * declaration), and as a PNG drawn at a chosen scale on a canvas. The debrief
 * charts carry all their styling as attributes, so both look as on screen.
 * A chart taken out of the page loses the caption beside it, so the export
 * carries it as a title band above the chart.
 * Browser only (uses XMLSerializer, Image, canvas).
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Height of the title band, in the chart's own units. */
const TITLE_BAND = 32;

/** The chart's box: its viewBox, else its size on screen. */
function boxOf(svg: SVGSVGElement): { x: number; y: number; width: number; height: number } {
  const vb = svg.viewBox.baseVal;
  return { x: vb?.x ?? 0, y: vb?.y ?? 0, width: vb?.width || svg.clientWidth || 640, height: vb?.height || svg.clientHeight || 320 };
}

/** A copy of the chart for export, with `title` (when given) in a band above it. */
function exported(svg: SVGSVGElement, title?: string): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', SVG_NS);
  copy.removeAttribute('style');
  if (!title) return copy;
  const box = boxOf(svg);
  const body = document.createElementNS(SVG_NS, 'g');
  body.setAttribute('transform', `translate(0 ${TITLE_BAND})`);
  // Everything drawn moves down by the band; what describes or styles the chart stays where it is.
  for (const child of [...copy.childNodes]) {
    if (child instanceof Element && ['title', 'desc', 'defs', 'style'].includes(child.localName)) continue;
    body.appendChild(child);
  }
  const text = document.createElementNS(SVG_NS, 'text');
  text.setAttribute('x', String(box.x + 8));
  text.setAttribute('y', String(box.y + 21));
  text.setAttribute('font-family', 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif');
  text.setAttribute('font-size', '15');
  text.setAttribute('font-weight', '700');
  text.setAttribute('fill', '#1d2330');
  text.textContent = title;
  copy.append(text, body);
  copy.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height + TITLE_BAND}`);
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height + TITLE_BAND));
  return copy;
}

export function svgText(svg: SVGSVGElement, title?: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(exported(svg, title))}`;
}

export function svgToPng(svg: SVGSVGElement, scale = 2, title?: string): Promise<Blob> {
  const box = boxOf(svg);
  const width = Math.round(box.width * scale);
  const height = Math.round((box.height + (title ? TITLE_BAND : 0)) * scale);
  const url = URL.createObjectURL(new Blob([svgText(svg, title)], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d');
      if (!ctx) {
        URL.revokeObjectURL(url);
        reject(new Error('no canvas'));
        return;
      }
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, width, height);
      ctx.drawImage(img, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png');
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the chart could not be drawn as an image'));
    };
    img.src = url;
  });
}
