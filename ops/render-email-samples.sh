#!/usr/bin/env bash
# Renders one sample of every e-mail template to PNG under docs/samples/emails/, for reviewers to look at.
#
#   ops/render-email-samples.sh            # all templates
#   ops/render-email-samples.sh OUT_DIR    # somewhere else
#
# Not part of the build or CI: it needs headless Chromium (Debian: `apt-get install chromium`). The HTML comes from
# notification-service's EmailSamplesTest, which plans each template's e-mail from a sample event exactly as the
# service does and renders it with the real templates; each PNG is that HTML at a 640 px wide window (the layout's
# card is at most 600 px), and the plain-text part is written next to it as <template>.txt.
set -euo pipefail

cd "$(dirname "$0")/.."
out="${1:-docs/samples/emails}"
chrome="$(command -v chromium || command -v chromium-browser || true)"
[[ -n "$chrome" ]] || { echo "chromium not found: apt-get install chromium" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

./mvnw -B -q -pl notification-service -am test -Dtest=EmailSamplesTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Demail.samples.dir="$work/html"

# Chromium's --screenshot takes the whole window: cut the empty background below the e-mail (JDK only, no ImageMagick)
cat > "$work/TrimBelow.java" <<'JAVA'
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

public class TrimBelow {
    public static void main(String[] args) throws Exception {
        BufferedImage image = ImageIO.read(new File(args[0]));
        int background = image.getRGB(0, image.getHeight() - 1);
        int last = image.getHeight() - 1;
        rows:
        for (; last > 0; last--) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, last) != background) {
                    break rows;
                }
            }
        }
        int height = Math.min(image.getHeight(), last + 24);
        ImageIO.write(image.getSubimage(0, 0, image.getWidth(), height), "png", new File(args[1]));
    }
}
JAVA

mkdir -p "$out"
for html in "$work"/html/*.html; do
  name="$(basename "$html" .html)"
  "$chrome" --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
    --hide-scrollbars --user-data-dir="$work/profile" --window-size=640,2400 \
    --screenshot="$work/$name.png" "file://$html" >/dev/null 2>&1
  cp "$work/html/$name.txt" "$out/$name.txt"
  java -Djava.awt.headless=true "$work/TrimBelow.java" "$work/$name.png" "$out/$name.png"
  echo "$out/$name.png"
done
