import { createPageCache } from "../edge/page-cache";
import { readerFragments } from "./fragments";

/** Every reader page goes through this. */
export const cachedPage = createPageCache(readerFragments);
