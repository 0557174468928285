// filter -> classify -> cluster `other` (-> optional LLM refinement of `other`).
import { classifyComment } from './classify-comment';
import { clusterOther, type Cluster } from './cluster-other';
import { filterComments, type FilterResult } from './filter-comments';
import { refineOther } from './llm-refine';
import type { ReviewComment } from './review-comment';
import type { Theme } from './taxonomy';

export interface ClassifiedComment {
  comment: ReviewComment;
  theme: Theme;
  cues: string[];
  cluster?: string;
}

export interface Analysis {
  filter: FilterResult;
  classified: ClassifiedComment[];
  clusters: Cluster<ClassifiedComment>[];
}

export interface AnalyseOptions {
  llmEndpoint?: string;
  llmModel: string;
  llmToken?: string;
  fetchImpl?: typeof fetch;
}

export async function analyseComments(
  comments: ReviewComment[],
  options: AnalyseOptions,
  partial: string[] = [],
): Promise<Analysis> {
  const filter = filterComments(comments);
  const classified: ClassifiedComment[] = filter.kept.map((comment) => {
    const result = classifyComment(comment.body, comment.diffHunk, comment.path);
    return { comment, theme: result.theme, cues: result.cues };
  });
  if (options.llmEndpoint) {
    const others = classified.filter((c) => c.theme === 'other');
    const result = await refineOther(
      others.map((c) => ({ id: String(c.comment.id), body: c.comment.body })),
      {
        endpoint: options.llmEndpoint,
        model: options.llmModel,
        token: options.llmToken ?? process.env.INPUT_TOKEN ?? process.env.GITHUB_TOKEN,
        fetchImpl: options.fetchImpl,
      },
    );
    for (const c of others) {
      const theme = result.refined.get(String(c.comment.id));
      if (theme) {
        c.theme = theme;
        c.cues = ['llm'];
      }
    }
    if (result.errors.length > 0)
      partial.push(`LLM refinement incomplete (${result.errors[0]}); the lexicon result was kept.`);
  }
  const others = classified.filter((c) => c.theme === 'other');
  const clusters = clusterOther(others, (c) => c.comment.body);
  for (const cluster of clusters)
    if (cluster.members.length > 1)
      for (const member of cluster.members) member.cluster = cluster.name;
  return { filter, classified, clusters };
}
