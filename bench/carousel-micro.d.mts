/** Types of `bench/carousel-micro.mjs`: the story carousel micro-benchmark's data and work. */
export function storyPage(url: URL, total: number): { stories: unknown[]; total: number; averageRating: number; nextCursor: string | null };
export function carouselRun(el: HTMLElement & { updateComplete: Promise<unknown> }): Promise<void>;
