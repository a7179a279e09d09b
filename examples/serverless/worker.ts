/**
 * The deployable function: the models bundled as JSON, the handler as the default export
 * (`export default { fetch }` is what Cloudflare Workers, Deno's `deno serve` and Bun take).
 */
import { createHandler } from './handler';
import models from './models.json' with { type: 'json' };

export default createHandler(models);
