/** Answer photos: checked to be real images, stored behind an interface, served by signed URL. */
package app.rundun.ingest.media;
