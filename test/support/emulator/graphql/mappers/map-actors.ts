// Store users as GraphQL actors: `User`, or `Bot` for `[bot]` accounts, whose GraphQL login
// drops the `[bot]` suffix the REST API shows (REST `dependabot[bot]` is GraphQL `dependabot`).
import type { UserRecord } from '../../store';

export type GraphQLObject = Record<string, unknown> & { __typename: string };

const WEB_URL = 'https://github.com';

function avatarUrl(user: UserRecord): string {
  return `https://avatars.githubusercontent.com/u/${user.id}?v=4`;
}

function userObject(user: UserRecord, createdAt: string): GraphQLObject {
  return {
    __typename: 'User',
    id: user.node_id,
    databaseId: user.id,
    login: user.login,
    name: user.name,
    email: user.email ?? '',
    url: `${WEB_URL}/${user.login}`,
    resourcePath: `/${user.login}`,
    avatarUrl: avatarUrl(user),
    createdAt,
    updatedAt: createdAt,
    isSiteAdmin: false,
    isBountyHunter: false,
    isCampusExpert: false,
    isDeveloperProgramMember: false,
    isEmployee: false,
    isGitHubStar: false,
    isHireable: false,
    isViewer: false,
    company: null,
    bio: null,
    location: null,
    websiteUrl: null,
    twitterUsername: null,
  };
}

function botObject(user: UserRecord, createdAt: string): GraphQLObject {
  const slug = user.login.replace(/\[bot\]$/, '');
  return {
    __typename: 'Bot',
    id: user.node_id,
    databaseId: user.id,
    login: slug,
    url: `${WEB_URL}/apps/${slug}`,
    resourcePath: `/apps/${slug}`,
    avatarUrl: avatarUrl(user),
    createdAt,
    updatedAt: createdAt,
  };
}

/** The GraphQL object for a store user: a `Bot` for bot accounts, a `User` otherwise. */
export function actorObject(user: UserRecord, createdAt: string): GraphQLObject {
  return user.type === 'Bot' ? botObject(user, createdAt) : userObject(user, createdAt);
}
