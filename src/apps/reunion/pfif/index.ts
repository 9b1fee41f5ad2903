/**
 * Public API of the PFIF exchange (People Finder Interchange Format 1.1–1.4, zesty.ca/pfif)
 * for the reunion application: import XML and Person Finder CSV into PFIF 1.4 records, export
 * PFIF 1.4 XML, and validate documents the way Person Finder's pfif_validator does.
 */
export { PfifErrors } from './errors.ts';
export {
  FORMATS, MANDATORY, NOTE_FIELDS, NOTE_FIELDS_14, PERSON_FIELDS, PERSON_FIELDS_14, PFIF_VERSIONS, pfifNamespace,
  type NoteField, type PersonField, type PfifNote, type PfifPerson, type PfifVersion, type RecordKind,
} from './model.ts';
export { isHttpUrl, matchesFormat, parsePfifDate, recordIdDomain } from './format.ts';
export { importPfifXml, otherToDescription, type PfifImportOptions, type PfifImportResult, type PfifImportWarning, type PfifRejection } from './import.ts';
export { importPfifCsv, type PfifCsvImportOptions } from './csv.ts';
export { escapeXmlText, exportPfif14 } from './export.ts';
export { validatePfif, type PfifCheck, type PfifMessage, type PfifValidateOptions, type PfifValidation } from './validator.ts';
export { readPfifXml, type PfifDocument, type PfifElement } from './xmlTree.ts';
