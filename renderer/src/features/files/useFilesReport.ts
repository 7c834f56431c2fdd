import { useCallback } from 'react';
import type { BoundaryCost, FilesReport } from '../../../../shared/model/files';
import { useIpcQuery, type IpcQuery } from '../../ipc/useIpcQuery';

/** Which part of the report to load: everything, one distro or one container. */
export interface FilesFilter {
  distro?: string;
  container?: string;
}

/** The files report as a query, plus `applyCost` to show a fresh measurement at once. */
export interface FilesReportModel extends IpcQuery<FilesReport> {
  applyCost: (cost: BoundaryCost) => void;
}

/**
 * Loads `files:report` for the filter (refetchable); a measurement applied lands on the distro it was taken in at once,
 * and the report is fetched again so the containers of that distro's engine carry it too.
 */
export function useFilesReport(filter: FilesFilter): FilesReportModel {
  const query = useIpcQuery('files:report', filter);
  const { patch, refetch } = query;
  const applyCost = useCallback(
    (cost: BoundaryCost) => {
      patch((report) => ({
        ...report,
        subjects: report.subjects.map((subject) => (subject.kind === 'distro' && subject.id === cost.distro ? { ...subject, cost } : subject)),
      }));
      refetch();
    },
    [patch, refetch],
  );
  return { ...query, applyCost };
}
