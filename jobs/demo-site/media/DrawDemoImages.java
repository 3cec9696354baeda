import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Consumer;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Draws the demo site's photos: simple flat illustrations, so that the offline demo has real
 * images to fetch and bind without shipping anyone's photographs. Run once from this folder with
 * {@code java DrawDemoImages.java}; the output is committed, and the same run draws the same files.
 */
public class DrawDemoImages {

    public static void main(String[] args) throws IOException {
        jpeg("wordpress/istanbul-consulate-vehicle-1024x683.jpg", 1024, 683, g -> street(g, 1024, 683));
        jpeg("wordpress/kabatas-pier-1024x683.jpg", 1024, 683, g -> pier(g, 1024, 683));
        jpeg("wordpress/rumelifeneri-nets-1024x683.jpg", 1024, 683, g -> boat(g, 1024, 683));
        jpeg("ghost/notebook-desk-w1000.jpg", 1000, 667, g -> notebook(g, 1000, 667, 0));
        jpeg("ghost/notebook-day-90-w1000.jpg", 1000, 667, g -> notebook(g, 1000, 667, 9));
        jpeg("ghost/backup-drive.jpg", 960, 640, g -> drive(g, 960, 640));
        jpeg("blogger/earlies-s400.jpg", 400, 300, g -> potatoes(g, 400, 300));
        jpeg("blogger/beans-s400.jpg", 400, 300, g -> beans(g, 400, 300));
        jpeg("news/sleeper-vienna-1200.jpg", 1200, 720, g -> train(g, 1200, 720));
        jpeg("news/ru/biblioteka-skaner-1200.jpg", 1200, 720, g -> scanner(g, 1200, 720));
        jpeg("drupal/kai7-panorama.jpg", 1600, 900, g -> cranes(g, 1600, 900, 4));
        png("drupal/kai7-kraene-detail.png", 900, 600, g -> cranes(g, 900, 600, 2));
    }

    private static void jpeg(String name, int width, int height, Consumer<Graphics2D> scene) throws IOException {
        BufferedImage image = draw(width, height, scene);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam quality = writer.getDefaultWriteParam();
        quality.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        quality.setCompressionQuality(0.8f);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(target(name)))) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), quality);
        } finally {
            writer.dispose();
        }
    }

    private static void png(String name, int width, int height, Consumer<Graphics2D> scene) throws IOException {
        ImageIO.write(draw(width, height, scene), "png", target(name).toFile());
    }

    private static Path target(String name) throws IOException {
        Path file = Path.of(name);
        Files.createDirectories(file.getParent());
        return file;
    }

    private static BufferedImage draw(int width, int height, Consumer<Graphics2D> scene) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        scene.accept(g);
        g.dispose();
        return image;
    }

    private static void sky(Graphics2D g, int w, int h, Color top, Color bottom, double horizon) {
        g.setPaint(new GradientPaint(0, 0, top, 0, (float) (h * horizon), bottom));
        g.fillRect(0, 0, w, (int) (h * horizon) + 1);
    }

    private static void water(Graphics2D g, int w, int h, double horizon) {
        int top = (int) (h * horizon);
        g.setPaint(new GradientPaint(0, top, new Color(40, 96, 140), 0, h, new Color(14, 44, 78)));
        g.fillRect(0, top, w, h - top);
        g.setColor(new Color(255, 255, 255, 60));
        g.setStroke(new BasicStroke(3));
        Random waves = new Random(7);
        for (int i = 0; i < 40; i++) {
            int x = waves.nextInt(w);
            int y = top + 10 + waves.nextInt(h - top - 10);
            g.drawLine(x, y, x + 30 + waves.nextInt(60), y);
        }
    }

    private static void street(Graphics2D g, int w, int h) {
        sky(g, w, h, new Color(150, 190, 230), new Color(225, 235, 245), 0.55);
        g.setColor(new Color(205, 190, 160));
        g.fillRect(80, 120, 620, 260);
        g.setColor(new Color(120, 90, 70));
        for (int x = 120; x < 680; x += 90) {
            g.fillRect(x, 170, 50, 80);
            g.fillRect(x, 280, 50, 80);
        }
        g.setColor(new Color(90, 90, 95));
        g.fillRect(0, (int) (h * 0.55), w, h);
        g.setColor(new Color(30, 40, 60));
        g.fillRoundRect(430, 360, 380, 150, 40, 40);
        g.fillRoundRect(500, 300, 230, 90, 30, 30);
        g.setColor(new Color(180, 210, 230));
        g.fillRect(520, 315, 90, 55);
        g.fillRect(625, 315, 90, 55);
        g.setColor(Color.BLACK);
        g.fill(new Ellipse2D.Double(480, 470, 80, 80));
        g.fill(new Ellipse2D.Double(690, 470, 80, 80));
    }

    private static void pier(Graphics2D g, int w, int h) {
        sky(g, w, h, new Color(250, 200, 150), new Color(255, 235, 205), 0.5);
        water(g, w, h, 0.5);
        g.setColor(new Color(110, 80, 55));
        g.fillRect(0, 400, 640, 60);
        for (int x = 20; x < 640; x += 80) {
            g.fillRect(x, 460, 16, 200);
        }
        g.setColor(new Color(60, 60, 70));
        Random people = new Random(3);
        for (int i = 0; i < 9; i++) {
            int x = 60 + i * 60 + people.nextInt(20);
            g.fillRect(x, 330, 22, 70);
            g.fill(new Ellipse2D.Double(x - 2, 305, 26, 26));
        }
        g.setColor(Color.WHITE);
        g.fillRoundRect(700, 300, 280, 70, 20, 20);
        g.setColor(new Color(200, 40, 40));
        g.fillRect(760, 270, 40, 30);
    }

    private static void boat(Graphics2D g, int w, int h) {
        sky(g, w, h, new Color(60, 70, 120), new Color(240, 170, 120), 0.45);
        g.setColor(new Color(255, 220, 150));
        g.fill(new Ellipse2D.Double(760, 230, 90, 90));
        water(g, w, h, 0.45);
        Path2D hull = new Path2D.Double();
        hull.moveTo(220, 420);
        hull.lineTo(800, 420);
        hull.lineTo(730, 520);
        hull.lineTo(290, 520);
        hull.closePath();
        g.setColor(new Color(30, 90, 160));
        g.fill(hull);
        g.setColor(new Color(240, 240, 230));
        g.fillRect(420, 340, 140, 80);
        g.setColor(new Color(230, 120, 40));
        g.setStroke(new BasicStroke(2));
        for (int i = 0; i < 30; i++) {
            g.drawLine(260 + i * 5, 420, 300 + i * 4, 390);
        }
    }

    private static void notebook(Graphics2D g, int w, int h, int tasks) {
        g.setColor(new Color(160, 110, 70));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(140, 95, 60));
        for (int y = 20; y < h; y += 45) {
            g.drawLine(0, y, w, y + 8);
        }
        g.setColor(new Color(250, 248, 240));
        g.fillRoundRect(220, 90, 560, 480, 16, 16);
        g.setColor(new Color(200, 200, 200));
        for (int x = 250; x < 760; x += 20) {
            for (int y = 120; y < 550; y += 20) {
                g.fillRect(x, y, 2, 2);
            }
        }
        g.setColor(new Color(30, 40, 90));
        g.setStroke(new BasicStroke(4, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < tasks; i++) {
            int y = 150 + i * 40;
            g.drawRect(270, y - 12, 14, 14);
            g.drawLine(300, y, 420 + (i * 53) % 250, y);
        }
        g.setColor(new Color(20, 20, 20));
        g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(820, 140, 900, 520);
    }

    private static void drive(Graphics2D g, int w, int h) {
        g.setPaint(new GradientPaint(0, 0, new Color(230, 230, 225), 0, h, new Color(190, 190, 185)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(45, 45, 50));
        g.fillRoundRect(280, 170, 400, 280, 30, 30);
        g.setColor(new Color(250, 240, 170));
        g.fillRect(330, 220, 220, 70);
        g.setColor(new Color(40, 40, 120));
        g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(345, 255, 400, 245);
        g.drawLine(410, 260, 520, 250);
        g.setColor(new Color(80, 200, 120));
        g.fill(new Ellipse2D.Double(620, 400, 18, 18));
        g.setColor(new Color(20, 20, 20));
        g.setStroke(new BasicStroke(10));
        g.drawLine(680, 320, 900, 360);
    }

    private static void potatoes(Graphics2D g, int w, int h) {
        g.setColor(new Color(200, 225, 240));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(240, 240, 235));
        g.fillRect(0, 180, w, h - 180);
        Random tubers = new Random(11);
        for (int i = 0; i < 12; i++) {
            int x = 20 + (i % 6) * 62;
            int y = 190 + (i / 6) * 50;
            g.setColor(new Color(205, 170, 110));
            g.fill(new Ellipse2D.Double(x, y, 50, 36));
            g.setColor(new Color(110, 70, 120));
            g.fillRect(x + 20 + tubers.nextInt(8), y - 8, 6, 10);
        }
        g.setColor(new Color(120, 90, 60));
        g.setStroke(new BasicStroke(8));
        g.drawRect(4, 4, w - 8, 170);
    }

    private static void beans(Graphics2D g, int w, int h) {
        g.setColor(new Color(120, 170, 90));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(60, 110, 50));
        g.setStroke(new BasicStroke(9, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Random pods = new Random(5);
        for (int i = 0; i < 60; i++) {
            int x = pods.nextInt(w);
            int y = 60 + pods.nextInt(h - 80);
            g.drawLine(x, y, x + 20 - pods.nextInt(40), y + 50);
        }
        g.setColor(new Color(110, 80, 50));
        g.fillRect(60, 220, 280, 70);
    }

    private static void train(Graphics2D g, int w, int h) {
        sky(g, w, h, new Color(40, 50, 100), new Color(230, 130, 90), 0.6);
        g.setColor(new Color(120, 120, 125));
        g.fillRect(0, (int) (h * 0.6), w, h);
        g.setColor(new Color(25, 60, 140));
        g.fillRoundRect(-40, 300, 1000, 220, 40, 40);
        g.setColor(new Color(240, 220, 150));
        for (int x = 40; x < 920; x += 110) {
            g.fillRect(x, 340, 70, 60);
        }
        g.setColor(new Color(200, 200, 210));
        g.fillRect(0, 470, w, 12);
        g.setColor(new Color(60, 60, 60));
        g.fillRect(0, 560, w, 40);
        g.setColor(new Color(250, 250, 200));
        for (int x = 100; x < w; x += 300) {
            g.fillRect(x, 100, 8, 200);
            g.fill(new Ellipse2D.Double(x - 16, 90, 40, 24));
        }
    }

    private static void scanner(Graphics2D g, int w, int h) {
        g.setColor(new Color(235, 225, 205));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(140, 100, 70));
        for (int x = 0; x < w; x += 60) {
            g.fillRect(x, 40, 44, 260);
        }
        g.setColor(new Color(90, 90, 100));
        g.fillRect(250, 420, 700, 200);
        g.setColor(new Color(250, 250, 245));
        g.fillRect(300, 380, 600, 60);
        g.setColor(new Color(60, 60, 60));
        for (int y = 392; y < 432; y += 9) {
            g.drawLine(320, y, 880, y);
        }
        g.setColor(new Color(170, 60, 70));
        g.fillRoundRect(960, 280, 120, 260, 50, 50);
        g.setColor(new Color(230, 190, 160));
        g.fill(new Ellipse2D.Double(980, 200, 80, 90));
    }

    private static void cranes(Graphics2D g, int w, int h, int count) {
        sky(g, w, h, new Color(150, 160, 175), new Color(210, 215, 220), 0.7);
        water(g, w, h, 0.7);
        g.setColor(new Color(60, 70, 80));
        g.fillRect(0, (int) (h * 0.68), w, (int) (h * 0.04));
        g.setStroke(new BasicStroke(Math.max(4, w / 200f)));
        for (int i = 0; i < count; i++) {
            int base = w * (2 * i + 1) / (2 * count);
            int top = (int) (h * 0.2);
            int foot = (int) (h * 0.68);
            g.setColor(new Color(170, 50, 40));
            g.drawLine(base - w / 20, foot, base, top);
            g.drawLine(base + w / 20, foot, base, top);
            g.drawLine(base, top, base + w / 6, top + h / 20);
            g.drawLine(base, top, base - w / 20, top + h / 30);
            g.setColor(new Color(40, 40, 40));
            g.drawLine(base + w / 7, top + h / 22, base + w / 7, top + h / 4);
        }
    }
}
