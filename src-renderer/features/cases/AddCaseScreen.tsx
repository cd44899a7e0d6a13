import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkUrn,
  formatUrn,
  RepresentationTypeSchema,
  type CaseSearchResult,
  type ContractError,
  type RepresentationType,
} from '../../../src-preload/api';
import { useAppStore } from '../../stores/app-store';
import { bridge } from '../../stores/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDate } from '../../ui/format';
import { ScreenHeading } from '../../ui/ScreenHeading';

const REPRESENTATION_TYPES = RepresentationTypeSchema.options;

/** Find a case by URN as people type it, pick the defendant, associate. */
export function AddCaseScreen() {
  const { t } = useTranslation();
  const setView = useAppStore((state) => state.setView);
  const [typed, setTyped] = useState('');
  const [urnProblem, setUrnProblem] = useState<{ key: string; length: number } | null>(null);
  const [searching, setSearching] = useState(false);
  const [results, setResults] = useState<{ urn: string; cases: CaseSearchResult[] } | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const urnId = useId();
  const hintId = useId();
  const problemId = useId();

  const find = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setResults(null);
    const check = checkUrn(typed);
    if (!check.ok) return setUrnProblem({ key: check.messageKey, length: check.length });
    setUrnProblem(null);
    setSearching(true);
    const result = await bridge.call('cases.search', { urn: check.urn });
    setSearching(false);
    if (result.ok) setResults({ urn: check.urn, cases: result.value });
    else setError(result.error);
  };

  return (
    <>
      <p>
        <button type="button" className="link-button" onClick={() => setView({ name: 'cases' })}>
          {t('case.back')}
        </button>
      </p>
      <ScreenHeading>{t('addCase.title')}</ScreenHeading>
      <p>{t('addCase.intro')}</p>
      <form className="stack" onSubmit={(event) => void find(event)} noValidate>
        <label htmlFor={urnId} className="label">
          {t('addCase.urnLabel')}
        </label>
        <p id={hintId} className="hint">
          {t('addCase.urnHint')}
        </p>
        {urnProblem ? (
          <p id={problemId} className="error-message" role="alert">
            {t(urnProblem.key as 'urn.problems.empty', { length: urnProblem.length })}
          </p>
        ) : null}
        <input
          id={urnId}
          className="input input-urn"
          value={typed}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={urnProblem ? `${hintId} ${problemId}` : hintId}
          aria-invalid={urnProblem ? true : undefined}
          onChange={(event) => setTyped(event.target.value)}
        />
        <div>
          <button type="submit" className="button" disabled={searching}>
            {searching ? t('addCase.finding') : t('addCase.find')}
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {results ? (
        results.cases.length === 0 ? (
          <p role="status">{t('addCase.noResult', { urn: formatUrn(results.urn) })}</p>
        ) : (
          results.cases.map((found) => <SearchResult key={found.caseId} found={found} />)
        )
      ) : null}
    </>
  );
}

function SearchResult({ found }: { found: CaseSearchResult }) {
  const { t } = useTranslation();
  const setView = useAppStore((state) => state.setView);
  const [defendantId, setDefendantId] = useState(found.defendants.length === 1 ? (found.defendants[0]?.defendantId ?? '') : '');
  const [representationType, setRepresentationType] = useState<RepresentationType>('REPRESENTATION_ORDER');
  const [laaContractNumber, setLaaContractNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [done, setDone] = useState<'associated' | 'pending' | null>(null);
  const typeId = useId();
  const laaId = useId();

  const associate = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await bridge.call('cases.associate', {
      caseId: found.caseId,
      defendantId,
      representationType,
      ...(laaContractNumber.trim() ? { laaContractNumber: laaContractNumber.trim() } : {}),
      urn: found.urn,
      defendantName: found.defendants.find((d) => d.defendantId === defendantId)?.name ?? '',
    });
    setBusy(false);
    if (result.ok) setDone(result.value.state);
    else setError(result.error);
  };

  return (
    <section className="card" aria-labelledby={`result-${found.caseId}`}>
      <h2 id={`result-${found.caseId}`}>{t('addCase.resultTitle', { urn: formatUrn(found.urn) })}</h2>
      {done === 'pending' ? (
        <>
          <p role="status">{t('addCase.pending')}</p>
          <button type="button" className="button" onClick={() => setView({ name: 'cases' })}>
            {t('addCase.backToCases')}
          </button>
        </>
      ) : found.cached || done === 'associated' ? (
        <>
          <p role="status">{done ? t('addCase.associated') : t('addCase.alreadyOnLaptop')}</p>
          <button type="button" className="button" onClick={() => setView({ name: 'case', caseId: found.caseId })}>
            {t('addCase.openCase')}
          </button>
        </>
      ) : (
        <form className="stack" onSubmit={(event) => void associate(event)}>
          <fieldset className="radios">
            <legend className="label">{t('addCase.chooseDefendant')}</legend>
            {found.defendants.map((defendant) => (
              <label key={defendant.defendantId} className="radio">
                <input
                  type="radio"
                  name={`defendant-${found.caseId}`}
                  value={defendant.defendantId}
                  checked={defendantId === defendant.defendantId}
                  onChange={() => setDefendantId(defendant.defendantId)}
                />
                <span>
                  {defendant.dateOfBirth
                    ? t('addCase.defendantLine', { name: defendant.name, dob: formatDate(defendant.dateOfBirth) })
                    : defendant.name}
                  <br />
                  <span className="muted">
                    {defendant.offenceTitles.join('; ')}
                    {defendant.nextHearingDate ? ` · ${t('addCase.nextHearing', { date: formatDate(defendant.nextHearingDate) })}` : ''}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={typeId} className="label">
              {t('addCase.representationType')}
            </label>
            <select
              id={typeId}
              className="select"
              value={representationType}
              onChange={(event) => setRepresentationType(event.target.value as RepresentationType)}
            >
              {REPRESENTATION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`addCase.representation.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={laaId} className="label">
              {t('addCase.laaContract')}
            </label>
            <input id={laaId} className="input input-short" value={laaContractNumber} onChange={(event) => setLaaContractNumber(event.target.value)} />
          </div>
          <ErrorMessage error={error} />
          <div>
            <button type="submit" className="button" disabled={busy || !defendantId}>
              {busy ? t('addCase.associating') : t('addCase.associate')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
