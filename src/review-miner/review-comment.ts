// The one shape every source of review feedback is normalised to (REST file, GraphQL).

export type CommentKind = 'inline' | 'review' | 'conversation';

export interface ReviewComment {
  /** The comment's id from its source (REST numeric id, or GraphQL databaseId / node id). */
  id: string | number;
  kind: CommentKind;
  body: string;
  author: string;
  /** `User`, `Bot`, `Organization`... as the API reports it. */
  authorType?: string;
  authorAssociation?: string;
  prNumber?: number;
  prAuthor?: string;
  path?: string;
  line?: number;
  diffHunk?: string;
  url?: string;
  createdAt?: string;
  /** Set for replies inside an inline review thread. */
  inReplyToId?: string | number;
}
