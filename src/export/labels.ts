/** Chinese labels for the enumerations that appear in the workbook. */
import type { FindingKind, Severity } from '../core/checks/model';
import type { AnnotationCategory, AnnotationStatus, CellEdit, FindingDecision } from '../core/review/model';

export const KIND_LABELS: Record<FindingKind, string> = {
  'in-table': '表内勾稽',
  'cross-table': '表间勾稽',
  narrative: '正文与表格',
  naming: '名称与编码',
  completeness: '完整性',
  unit: '计量单位',
};

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', note: '提示' };

export const CATEGORY_LABELS: Record<AnnotationCategory, string> = {
  'data-error': '数据错误',
  'text-error': '文字错误',
  format: '格式问题',
  question: '疑问',
};

export const STATUS_LABELS: Record<AnnotationStatus, string> = { open: '待处理', resolved: '已解决', 'wont-fix': '不予处理' };

export const DECISION_LABELS: Record<FindingDecision['decision'] | 'pending', string> = {
  pending: '待处理',
  confirmed: '已确认',
  dismissed: '已忽略',
};

export const OP_LABELS: Record<CellEdit['op'], string> = { set: '修改', undo: '撤销', redo: '重做' };
