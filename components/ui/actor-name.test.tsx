import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ActorName } from './actor-name';

const html = (el: React.ReactElement) => renderToStaticMarkup(el);

describe('ActorName', () => {
  it('shows the name with the email on hover and for screen readers', () => {
    const out = html(<ActorName display="Dana Developer" email="dana@example.com" />);
    expect(out).toContain('title="dana@example.com"');
    expect(out).toContain('>Dana Developer<');
    expect(out).toContain('(dana@example.com)');
  });

  it('marks API keys and drops the legacy key: prefix', () => {
    expect(html(<ActorName display="key:checkout" />)).toMatch(/title="API key checkout".*>checkout</);
    expect(html(<ActorName display="checkout" kind="api_key" />)).toContain('title="API key checkout"');
  });

  it('has no hover text when there is nothing more to say, and a fallback when empty', () => {
    expect(html(<ActorName display="Dana" email="Dana" />)).not.toContain('title=');
    expect(html(<ActorName display={null} />)).toContain('>unknown<');
    expect(html(<ActorName display="" email="x@y.z" />)).toContain('>x@y.z<');
  });
});
