-- notes, with a trigger
--
-- revision: 001

-- +upgrade
# a comment only the mysql syntax knows: it's not a string
CREATE TABLE `notes` (id INT AUTO_INCREMENT PRIMARY KEY, body VARCHAR(200) NOT NULL);
DELIMITER //
CREATE TRIGGER notes_trim BEFORE INSERT ON notes FOR EACH ROW
BEGIN
    SET NEW.body = TRIM(NEW.body);
END //
DELIMITER ;

-- +downgrade
DROP TABLE notes;
