// Turning a chosen logo file into the data URL settings.update stores. The checks happen here,
// before anything is sent, so the user reads "too large" or "not a PNG/JPEG" in plain words
// instead of a schema error: the limit is read from the contract's own schema, and the image
// type from the file's first bytes (a file's extension or browser-given type can lie).
import { Settings } from '../../../../../shared/contract/settings';
import { fileToBase64 } from '../../../files';

/** The longest data URL the contract accepts (the schema's max, not a copy of the number). */
export const maxLogoChars: number = Settings.shape.logoDataUrl.unwrap().unwrap().maxLength ?? 0;

/** The JPEG data URL prefix, the longer of the two, so the file limit is never overstated. */
const PREFIX_CHARS = 'data:image/jpeg;base64,'.length;

/** The largest file (bytes) whose data URL fits: base64 spends 4 characters per 3 bytes. */
export const maxLogoBytes = Math.floor((maxLogoChars - PREFIX_CHARS) / 4) * 3;

export type LogoResult =
  { ok: true; dataUrl: string } | { ok: false; reason: 'tooLarge' | 'wrongType' | 'unreadable' };

function sniff(head: Uint8Array): 'png' | 'jpeg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => head[i] === b)) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  return null;
}

/** Resolves when the browser can draw the image: a truncated file passes the magic bytes. */
function decodes(dataUrl: string): Promise<boolean> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve(img.naturalWidth > 0);
    img.onerror = () => resolve(false);
    img.src = dataUrl;
  });
}

export async function readLogo(file: File): Promise<LogoResult> {
  const type = sniff(new Uint8Array(await file.slice(0, 8).arrayBuffer()));
  if (type === null) return { ok: false, reason: 'wrongType' };
  if (file.size > maxLogoBytes) return { ok: false, reason: 'tooLarge' };
  const dataUrl = `data:image/${type};base64,${await fileToBase64(file)}`;
  if (dataUrl.length > maxLogoChars) return { ok: false, reason: 'tooLarge' };
  return (await decodes(dataUrl)) ? { ok: true, dataUrl } : { ok: false, reason: 'unreadable' };
}
