import { quantilesOf } from '../internal/quantilesOf';
import type { ClusterScaling, FieldTransform } from './ClusterModel';

/** Learns each field's transform from the population's values (rows × fields, finite). */
export function fitTransforms(fields: readonly string[], values: readonly Float64Array[], scaling: ClusterScaling, log1pFields: ReadonlySet<string>): FieldTransform[] {
  return fields.map((field, j) => {
    const column = values[j] as Float64Array;
    const log1p = log1pFields.has(field);
    const transformed = log1p ? column.map((value) => Math.log1p(value)) : Float64Array.from(column);
    if (scaling === 'none') return { field, log1p, center: 0, scale: 1 };
    if (scaling === 'robust') {
      const [q1, median, q3] = quantilesOf(Float64Array.from(transformed), [0.25, 0.5, 0.75]) as [number, number, number];
      const iqr = q3 - q1;
      return { field, log1p, center: median, scale: scaleOrOne(iqr, median) };
    }
    let mean = 0;
    for (const value of transformed) mean += value;
    mean /= Math.max(1, transformed.length);
    let squares = 0;
    for (const value of transformed) squares += (value - mean) ** 2;
    const sd = Math.sqrt(squares / Math.max(1, transformed.length - 1));
    return { field, log1p, center: mean, scale: scaleOrOne(sd, mean) };
  });
}

/**
 * A constant field scales by 1: it then contributes nothing to distances. "Constant" allows
 * for rounding: the spread of equal values after `log1p` is ~1e-16, not 0, and dividing by it
 * would blow rounding noise up into the largest distances.
 */
function scaleOrOne(spread: number, center: number): number {
  return spread > 1e-12 * Math.max(1, Math.abs(center)) ? spread : 1;
}

/** A value in the transformed space. */
export function transformValue(transform: FieldTransform, value: number): number {
  return ((transform.log1p ? Math.log1p(value) : value) - transform.center) / transform.scale;
}

/** Back from the transformed space to the field's own units. */
export function untransformValue(transform: FieldTransform, value: number): number {
  const scaled = value * transform.scale + transform.center;
  return transform.log1p ? Math.expm1(scaled) : scaled;
}
