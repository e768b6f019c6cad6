// A4 label sheets sold for asset tags, in millimetres: label size, grid and the sheet's margins.
export interface LabelFormat {
  id: string;
  columns: number;
  rows: number;
  widthMm: number;
  heightMm: number;
  marginTopMm: number;
  marginLeftMm: number;
  gapXMm: number;
  gapYMm: number;
}

export const labelFormats: LabelFormat[] = [
  {
    id: 'a4-3x8',
    columns: 3,
    rows: 8,
    widthMm: 70,
    heightMm: 37,
    marginTopMm: 0.5,
    marginLeftMm: 0,
    gapXMm: 0,
    gapYMm: 0,
  },
  {
    id: 'a4-2x7',
    columns: 2,
    rows: 7,
    widthMm: 99.1,
    heightMm: 38.1,
    marginTopMm: 15.15,
    marginLeftMm: 4.65,
    gapXMm: 2.5,
    gapYMm: 0,
  },
  {
    id: 'a4-4x10',
    columns: 4,
    rows: 10,
    widthMm: 48.5,
    heightMm: 25.4,
    marginTopMm: 21.5,
    marginLeftMm: 8,
    gapXMm: 0,
    gapYMm: 0,
  },
];

export function formatById(id: string | null): LabelFormat {
  return labelFormats.find((f) => f.id === id) ?? (labelFormats[0] as LabelFormat);
}
