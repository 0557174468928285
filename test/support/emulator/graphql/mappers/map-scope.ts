// What the mappers share during one GraphQL request: the store, URL builders and caches
// (actors, author associations), so a page of 100 pull requests maps in linear time.
import type { EmulatorStore } from '../../store';
import { actorObject, type GraphQLObject } from './map-actors';

export const WEB_URL = 'https://github.com';

/** Builders for objects that other objects point back to (wired by the root, avoiding import cycles). */
export interface BackReferences {
  repository(): GraphQLObject;
  /** The Issue or PullRequest with this number, or null. */
  issueOrPullRequest(number: number): GraphQLObject | null;
}

export class MapScope {
  readonly repoUrl: string;
  private readonly actors = new Map<string, GraphQLObject | null>();
  private readonly memos = new Map<string, unknown>();
  private contributors?: Set<string>;
  private readonly refs: BackReferences;

  constructor(
    readonly store: EmulatorStore,
    /** Login the request's token belongs to (`viewer`). */
    readonly viewerLogin: string,
    backReferences: (scope: MapScope) => BackReferences,
  ) {
    this.repoUrl = `${WEB_URL}/${store.repository.full_name}`;
    this.refs = backReferences(this);
  }

  /** One object per key and request, so cycles (review -> pullRequest -> reviews) stay cheap. */
  memo<T>(key: string, build: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, build());
    return this.memos.get(key) as T;
  }

  repository(): GraphQLObject {
    return this.memo('repository', () => this.refs.repository());
  }

  issueOrPullRequest(number: number): GraphQLObject | null {
    return this.memo(`issue:${number}`, () => this.refs.issueOrPullRequest(number));
  }

  /** The actor for a login (null for an unknown or empty login, as GitHub shows a deleted user). */
  actor(login: string | null | undefined): GraphQLObject | null {
    if (!login) return null;
    const key = login.toLowerCase();
    if (!this.actors.has(key)) {
      const user = this.store.users.get(key);
      const actor = user ? actorObject(user, this.store.repository.created_at) : null;
      if (actor && key === this.viewerLogin.toLowerCase()) actor.isViewer = true;
      this.actors.set(key, actor);
    }
    return this.actors.get(key) ?? null;
  }

  /** A `User` only (GitActor.user, assignees): bots are not users there. */
  user(login: string | null | undefined): GraphQLObject | null {
    const actor = this.actor(login);
    return actor?.__typename === 'User' ? actor : null;
  }

  /**
   * GitHub's CommentAuthorAssociation for a login on this repository: OWNER, COLLABORATOR
   * (write access or more), CONTRIBUTOR (authored a merged pull request), otherwise NONE.
   */
  association(login: string | null | undefined): string {
    if (!login) return 'NONE';
    const key = login.toLowerCase();
    if (key === this.store.repository.owner.toLowerCase()) return 'OWNER';
    if (['admin', 'maintain', 'write'].includes(this.store.permissionOf(login)))
      return 'COLLABORATOR';
    if (!this.contributors) {
      this.contributors = new Set();
      for (const issue of this.store.issues.values()) {
        if (issue.pull?.merged_at) this.contributors.add(issue.user.toLowerCase());
      }
    }
    return this.contributors.has(key) ? 'CONTRIBUTOR' : 'NONE';
  }

  /** `https://github.com/acme/widgets/pull/3` or `.../issues/3`. */
  issueUrl(number: number): string {
    const issue = this.store.issue(number);
    return `${this.repoUrl}/${issue?.pull ? 'pull' : 'issues'}/${number}`;
  }

  commitUrl(sha: string): string {
    return `${this.repoUrl}/commit/${sha}`;
  }

  resourcePath(url: string): string {
    return url.slice(WEB_URL.length);
  }
}
