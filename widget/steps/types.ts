import type { PublicForm } from '../../shared/public-form';
import type { Ui } from '../fields';

export interface StepProps {
  form: PublicForm;
  ui: Ui;
}
