import { classifyComment } from '../../src/review-miner/classify-comment';

describe('classifier: process feedback and the file a comment sits on', () => {
  it('files a changelog request under other, not docs-comments', () => {
    expect(classifyComment('Please add a changelog entry for this fix.').theme).toBe('other');
    expect(classifyComment('This needs a line in the release notes.').theme).toBe('other');
  });

  it('abstains when commit or PR-scope remarks outweigh the theme cues', () => {
    const result = classifyComment(
      'Could you squash these commits and move the refactor into a separate PR?',
    );
    expect(result.theme).toBe('other');
  });

  it('still classifies a themed remark that mentions no process topic', () => {
    expect(classifyComment('Please add a docstring explaining the return value.').theme).toBe(
      'docs-comments',
    );
  });

  it('lets a documentation file tip a weak wording remark towards docs-comments', () => {
    const body = 'You could make this a directive so the markup renders.';
    expect(classifyComment(body, undefined, 'docs/guide/usage.rst').cues).toContain(
      'comment on a documentation file',
    );
  });

  it('adds no path cue to a comment without any cue of its own', () => {
    const result = classifyComment('Hmm, interesting.', undefined, 'tests/test_api.py');
    expect(result.theme).toBe('other');
    expect(result.cues).not.toContain('comment on a test file');
  });
});
