// STUB: one sentence per block; replaced by the real segmenter.
#include "Context/Segmenter.h"
namespace claimlint {
std::vector<Sentence> segmentSentences(const Prose &P) {
  std::vector<Sentence> Out;
  for (size_t I = 0; I < P.blocks().size(); ++I)
    Out.push_back({P.blocks()[I].Text, static_cast<uint32_t>(I)});
  return Out;
}
} // namespace claimlint
