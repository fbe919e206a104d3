import { describe, expect, it } from 'vitest';
import * as api from '../src/index';

describe('public surface', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'ADOPTED_SIMILARITY', 'AUDIT_COLUMNS', 'AUDIT_FORMATS', 'DEFAULT_ALIGN_CONFIG', 'DEFAULT_MAX_BYTES',
      'JUPYTER_DISPLAY', 'PlanParseError', 'REPORT_COLUMNS', 'REPORT_FORMATS', 'UsageError', 'alignMany', 'alignPlans',
      'alignmentToJson', 'announcePlan', 'auditConvergence', 'bundledCorpusDir', 'classifyPair', 'clauses',
      'compareScope', 'compareTimeNodes', 'createCachedTokenizer', 'decisionsFor', 'decodeBytes',
      'defaultTokenizer', 'diffPlans', 'diffToJson', 'extractObligations', 'findEntry', 'formatDecisionsFile',
      'loadCorpus', 'loadCorpusPlans', 'loadPlan', 'loadPlanFile', 'loadPlans', 'modalityOf', 'needsCheck',
      'normalizeText', 'notebookView', 'obligationToJson', 'obligationsToJson', 'pairFromMany',
      'parseDecisionsFile', 'parseEmbeddingsFile', 'parsePlan', 'parseTimeNode', 'parseUnits',
      'planAgainstCorpus', 'preparePlan', 'readDecisionsFile', 'readEmbeddingsFile', 'readPlanFile',
      'readPlanText', 'renderAlignment', 'renderAudit', 'renderObligations', 'renderReport', 'renderReview',
      'renderTrace', 'reviewQueue', 'reviewSheet', 'scopeOf', 'squeezeSpaces', 'taskHash', 'taskModality',
      'toAuditRows', 'toRows', 'tokenize', 'traceTask',
    ]);
  });

  it('the bundled corpus loads through the public API, and its results survive JSON', () => {
    const plan = api.loadPlan('baoshan-2024');
    expect(plan.meta).toMatchObject({ id: 'baoshan-2024', district: '宝山区', year: 2024, docNumber: '宝府办〔2024〕14号' });
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});
