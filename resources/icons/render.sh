#!/bin/sh
# Renders pyrometer.svg to the PNG sizes of the hicolor icon theme (needs rsvg-convert: apt-get install
# librsvg2-bin). The PNGs are kept in the repository, so that building Pyrometer needs no SVG renderer.
set -e
cd "$(dirname "$0")"
for size in 16 22 24 32 48 64 128 256 512; do
  mkdir -p "hicolor/${size}x${size}/apps"
  rsvg-convert -w "$size" -h "$size" pyrometer.svg -o "hicolor/${size}x${size}/apps/org.pyrometer.Pyrometer.png"
done
mkdir -p hicolor/scalable/apps
cp pyrometer.svg hicolor/scalable/apps/org.pyrometer.Pyrometer.svg
