/**
 * Draws one value from the standard normal distribution (mean 0, standard deviation 1) with the
 * Box-Muller transform. One value per two uniform draws; nothing is cached between calls, so
 * the result depends on the generator's state alone.
 *
 * @param random - A generator returning numbers in [0, 1).
 * @returns A standard normal draw.
 */
export function sampleStandardNormal(random: () => number): number {
  // 1 - u is in (0, 1], so the logarithm is finite.
  const radius = Math.sqrt(-2 * Math.log(1 - random()));
  return radius * Math.cos(2 * Math.PI * random());
}
