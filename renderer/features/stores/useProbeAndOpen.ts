// Path → stores:probePath → the graph of what the path holds. One mutation per control, so
// each shows its own pending state and error.
import { useMutation } from '@tanstack/react-query'
import type { PathProbe } from '../../../shared/api'
import { call } from '../../api/client'
import { useNavigate } from '../../routing/navigation'

export function useProbeAndOpen() {
  const navigate = useNavigate()
  return useMutation<PathProbe, unknown, string>({
    mutationFn: (path) => call('stores:probePath', { path }),
    onSuccess: (probe) => navigate({ view: 'graph', ref: probe.ref }),
  })
}
