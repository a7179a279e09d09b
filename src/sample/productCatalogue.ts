/** The product categories of the sample shop. */
export const CATEGORIES = ['apparel', 'beauty', 'books', 'electronics', 'grocery', 'home', 'sports'] as const;

/** How popular each category of {@link CATEGORIES} is across all customers; sums to 1. */
export const CATEGORY_POPULARITY: readonly number[] = [0.22, 0.11, 0.1, 0.14, 0.17, 0.14, 0.12];

/** How many SKUs each category has. */
export const SKUS_PER_CATEGORY = 40;

/**
 * Builds the SKU codes of the catalogue: `APP-001` to `APP-040` for apparel, and so on.
 * Built on each call (not at module load) so that importing the module has no cost.
 *
 * @returns One array of SKU codes per category, in the order of {@link CATEGORIES}.
 */
export function createSkuCodes(): string[][] {
  const codes: string[][] = [];
  for (const category of CATEGORIES) {
    const prefix = category.slice(0, 3).toUpperCase();
    const ofCategory: string[] = [];
    for (let index = 1; index <= SKUS_PER_CATEGORY; index++) ofCategory.push(`${prefix}-${String(index).padStart(3, '0')}`);
    codes.push(ofCategory);
  }
  return codes;
}
