import { describe, expect, it } from 'vitest';
import { currentLanguage, detectLanguage } from './detect-language';

describe('detectLanguage', () => {
  it.each([
    ['en', "Honestly it's been fine, but the reports are slow and my team doesn't trust the numbers."],
    ['de', 'Ehrlich gesagt nutzen wir es kaum noch, weil die Berichte zu langsam sind und das Team sie nicht mag.'],
    ['fr', "On l'utilise moins parce que les rapports sont lents et l'équipe ne leur fait pas confiance."],
    ['es', 'La verdad es que el equipo ya no lo usa mucho porque los informes son muy lentos.'],
    ['pt', 'Na verdade o time não usa mais tanto, porque os relatórios estão muito lentos.'],
    ['ja', 'レポートが遅いので、最近はあまり使っていません。'],
  ])('tells %s', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('says nothing about answers too short to tell', () => {
    for (const text of ['ok', 'Slack', 'no', 'Jira, Salesforce', '5']) expect(detectLanguage(text)).toBeNull();
  });
});

describe('currentLanguage', () => {
  it('follows the latest answer it can read, else keeps the interview language', () => {
    const said = (text: string) => ({ role: 'customer', text });
    expect(currentLanguage([said('ok')], 'de')).toBe('de');
    expect(
      currentLanguage(
        [
          said('Wir nutzen es jeden Tag und sind sehr zufrieden.'),
          said('Mejor en español, por favor: el equipo y yo lo usamos poco.'),
        ],
        'de',
      ),
    ).toBe('es');
    expect(currentLanguage([said('Mejor en español: el equipo y yo lo usamos poco.'), said('ok')], 'de')).toBe('es');
  });
});
