import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';

describe('detectLanguage', () => {
  it('tells news languages apart, names of other origins notwithstanding', () => {
    expect(
      detectLanguage(
        'A House panel voted Thursday to hold Bryan Pagliano, a former technology aide to Hillary Clinton, in contempt of Congress for refusing to testify.',
      ),
    ).toBe('en');
    expect(
      detectLanguage(
        "Le maire de la commune a annoncé sa démission mardi soir, au terme d'un conseil municipal particulièrement tendu.",
      ),
    ).toBe('fr');
    expect(
      detectLanguage(
        'Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen.',
      ),
    ).toBe('de');
    expect(
      detectLanguage(
        'El gobierno anunció el martes un nuevo plan para reducir el desempleo juvenil en las regiones del sur.',
      ),
    ).toBe('es');
  });

  it('declines texts too short to tell', () => {
    expect(detectLanguage('Hello there')).toBeUndefined();
    expect(detectLanguage('')).toBeUndefined();
  });
});
