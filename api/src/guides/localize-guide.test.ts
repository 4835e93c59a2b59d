import { guideBodySchema, interviewLanguages } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { openingText } from '../interviews/scripted';
import { localizeGuide, localizeLine } from './localize-guide';
import { guideTemplates } from './templates';
import { templateTranslations } from './templates/translations';

const translated = Object.entries(templateTranslations);
const placeholders = (text: string) => (text.match(/\{\{?\s*\w+\s*\}?\}/g) ?? []).sort();

describe('template translations', () => {
  it('cover every template in de, fr, es, pt and ja', () => {
    expect(Object.keys(templateTranslations).sort()).toEqual(interviewLanguages.filter((l) => l !== 'en').sort());
    for (const [, translation] of translated)
      expect(Object.keys(translation).sort()).toEqual(guideTemplates.map((t) => t.key).sort());
  });

  it('have the same topic keys as the English template, with no empty line', () => {
    for (const template of guideTemplates) {
      const keys = template.body.topics.map((t) => t.key).sort();
      for (const [language, translation] of translated) {
        const text = translation[template.body.moment];
        expect(Object.keys(text.topics).sort(), `${language}/${template.key}`).toEqual(keys);
        const lines = [
          text.opening_message,
          text.closing_message,
          ...Object.values(text.topics).flatMap((t) => [t.question, t.follow_up]),
        ];
        for (const line of lines) expect(line.trim().length, `${language}/${template.key}`).toBeGreaterThan(4);
      }
    }
  });

  it('keep the placeholders the English line has, and differ from the English', () => {
    for (const template of guideTemplates)
      for (const [language, translation] of translated) {
        const text = translation[template.body.moment];
        expect(placeholders(text.opening_message), `${language}/${template.key}`).toEqual(
          placeholders(template.body.opening_message),
        );
        expect(text.opening_message).not.toBe(template.body.opening_message);
        for (const topic of template.body.topics) expect(text.topics[topic.key]?.question).not.toBe(topic.question);
      }
  });

  it('make localized templates that are still valid guides', () => {
    for (const template of guideTemplates)
      for (const language of interviewLanguages)
        expect(guideBodySchema.safeParse(localizeGuide(template.body, language)).success).toBe(true);
  });
});

describe('localizeGuide', () => {
  const onboarding = guideTemplates.find((t) => t.key === 'onboarding')!.body;

  it('serves a template in the interview language', () => {
    const de = localizeGuide(onboarding, 'de');
    expect(de.opening_message).toBe(templateTranslations.de.onboarding.opening_message);
    expect(de.topics[0]?.question).toBe(templateTranslations.de.onboarding.topics.goals?.question);
    expect(de.closing_message).toBe(templateTranslations.de.onboarding.closing_message);
    expect(de.topics.map((t) => t.key)).toEqual(onboarding.topics.map((t) => t.key));
  });

  it('keeps a line the team wrote or edited as written', () => {
    const edited = {
      ...onboarding,
      topics: [{ ...onboarding.topics[0]!, question: 'Was ist Ihr wichtigstes Ziel für dieses Quartal?' }],
    };
    const fr = localizeGuide(edited, 'fr');
    expect(fr.topics[0]?.question).toBe('Was ist Ihr wichtigstes Ziel für dieses Quartal?');
    expect(fr.topics[0]?.follow_up).toBe(templateTranslations.fr.onboarding.topics.goals?.follow_up);
    expect(localizeLine('Our own words.', 'ja')).toBe('Our own words.');
  });

  it('greets by name in every language, and cleanly without one', () => {
    const ja = localizeGuide(onboarding, 'ja');
    expect(openingText(ja, { name: '山田 太郎' })).toMatch(/^山田様、ご利用開始/);
    expect(openingText(ja, {})).toMatch(/^ご利用開始/);
    const es = localizeGuide(guideTemplates.find((t) => t.key === 'health_pulse')!.body, 'es');
    expect(openingText(es, { name: 'Lucía Pérez' })).toMatch(/^¡Hola, Lucía! Estamos/);
    expect(openingText(es, {})).toMatch(/^¡Hola! Estamos/);
    expect(openingText(localizeGuide(onboarding, 'de'), {})).toMatch(/^Hallo, herzlich willkommen!/);
    expect(openingText(onboarding, {})).toMatch(/^Hi, welcome aboard!/);
  });
});
